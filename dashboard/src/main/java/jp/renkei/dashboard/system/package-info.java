/**
 * Cross-cutting pieces: the configuration class, Japanese number formats, the error type with its stable codes and
 * the advice that turns it into JSON or an error page. No page logic and no SQL live here.
 */
package jp.renkei.dashboard.system;
