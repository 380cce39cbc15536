/**
 * The definitions page: one entry per indicator, in Japanese, with anchors named after the mart columns so that
 * pages link to {@code /definitions#application_rate}. Text lives in messages.properties; nothing is computed here.
 */
package jp.renkei.dashboard.definitions;
