package com.ecommerce.analytics.customermodels.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import com.ecommerce.analytics.platform.lifecycle.BackgroundWork;

/**
 * Maximises a log-likelihood over positive parameters with Commons Math's Nelder-Mead simplex, searching their
 * logarithms (so every point tried is positive), restarted from its own answer until it no longer moves, as a
 * simplex can stop short on a flat ridge.
 */
final class MaximumLikelihood {

    record Fit(double[] parameters, double logLikelihood) {
    }

    private MaximumLikelihood() {
    }

    static Fit maximise(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        double[] logStart = Arrays.stream(start).map(Math::log).toArray();
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            BackgroundWork.giveWayToRequests();
            double value = logLikelihood.applyAsDouble(Arrays.stream(logs).map(Math::exp).toArray());
            return Double.isFinite(value) ? value : -1e300;
        });
        PointValuePair best = null;
        for (int restart = 0; restart < 5; restart++) {
            PointValuePair found = new SimplexOptimizer(1e-12, 1e-12).optimize(new MaxEval(50_000), objective,
                    GoalType.MAXIMIZE, new InitialGuess(best == null ? logStart : best.getPoint()),
                    new NelderMeadSimplex(start.length, 0.5));
            boolean settled = best != null && Math.abs(found.getValue() - best.getValue()) < 1e-9;
            best = found;
            if (settled) {
                break;
            }
        }
        return new Fit(Arrays.stream(best.getPoint()).map(Math::exp).toArray(), best.getValue());
    }
}
