package com.ecommerce.analytics.stockplanning.forecast;

final class Seasons {

    /** Weekly series repeat after 52 weeks (364 days): a day and a quarter early each year, close enough for stock. */
    static final int WEEKS_PER_YEAR = 52;

    private Seasons() {
    }
}
