/**
 * Partner recruitment (docs/marts.md): who an adopting office's plans name that is not on the system yet, what linking
 * them would save, which offices are most wanted, what recruiting the top few would add, and how connected each area's
 * network is. Pure DataFrame-to-DataFrame transforms over staged frames; only counts, never a person-level row.
 */
package jp.renkei.analytics.marts.partner;
