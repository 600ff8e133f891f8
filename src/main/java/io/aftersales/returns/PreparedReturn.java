package io.aftersales.returns;

/** The return is recorded; its timer durations come from configuration. */
record PreparedReturn(Long returnId, ReturnSettings timers) {}
