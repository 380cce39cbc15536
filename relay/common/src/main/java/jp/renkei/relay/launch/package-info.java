/**
 * What every relay program starts with: the launcher (logging, errors) and the command-line options they share as
 * picocli mixins.
 */
package jp.renkei.relay.launch;
