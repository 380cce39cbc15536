/**
 * Data-quality checks that gate publishing: each check has a stable code ({@code ANA-DQ-nnn}), names example
 * offending keys and says what to do. Checks only read frames; they never repair data or write anything.
 */
package jp.renkei.analytics.quality;
