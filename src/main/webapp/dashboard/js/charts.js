// Apache ECharts (the WebJar's dist bundle, loaded by index.html as window.echarts), drawn on canvas.

import {compact} from './format.js';

const PALETTE = ['#2f6fde', '#9aa5b1', '#e0833a', '#3aa57a'];

export function draw(element, option) {
    const chart = window.echarts.getInstanceByDom(element) || window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({color: PALETTE, animation: false, ...option}, true);
    chart.resize();
    return chart;
}

export function lines(labels, series, formatValue) {
    return {
        tooltip: {trigger: 'axis', valueFormatter: formatValue},
        legend: {top: 0},
        grid: {left: 56, right: 16, top: 36, bottom: 32},
        xAxis: {type: 'category', data: labels},
        yAxis: {type: 'value', axisLabel: {formatter: compact}},
        series: series.map((one, index) => ({
            name: one.name, type: 'line', data: one.values, showSymbol: labels.length <= 40,
            lineStyle: index === 0 ? {width: 2} : {width: 2, type: 'dashed'},
        })),
    };
}

export function bars(labels, series, formatValue) {
    return {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: formatValue},
        legend: {top: 0},
        grid: {left: 8, right: 24, top: 36, bottom: 24, containLabel: true},
        xAxis: {type: 'value', axisLabel: {formatter: compact}},
        yAxis: {type: 'category', data: labels, inverse: true},
        series: series.map(one => ({name: one.name, type: 'bar', data: one.values})),
    };
}

window.addEventListener('resize', () => {
    document.querySelectorAll('.chart').forEach(element => window.echarts.getInstanceByDom(element)?.resize());
});
