/**
 * Who to link next: an office's partners not on the system, a prefecture's most-wanted offices with what recruiting
 * them would add and its network, and the invitation lists for an outreach campaign (docs/dashboard.md).
 */
package jp.renkei.dashboard.partner;
