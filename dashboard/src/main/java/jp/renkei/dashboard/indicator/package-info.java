/**
 * The API in the shape analysts ask in: one indicator, one region (the nation, a prefecture or a municipality) and
 * a period, as a monthly series with its numerator and denominator ({@code /api/v1/indicators/...}).
 */
package jp.renkei.dashboard.indicator;
