/**
 * The adoption job: command line, configuration, Spark session settings and the pipeline that runs
 * landing → staging → marts → checks → publish. Figures are defined in {@code marts.adoption}, never here.
 */
package jp.renkei.analytics;
