/**
 * The JFreeChart look shared by every chart: a {@link org.jfree.chart.StandardChartTheme} with a Japanese-capable
 * font, detected once at start. Charts themselves live with their feature (e.g. the ranking chart in ranking).
 */
package jp.renkei.dashboard.chart;
