/** What the dashboard hides to keep persons from being singled out: small counts (秘匿処理). */
package jp.renkei.dashboard.privacy;
