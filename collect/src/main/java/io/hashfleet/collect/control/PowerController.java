package io.hashfleet.collect.control;

import io.hashfleet.domain.MinerAddress;
import java.io.IOException;

/**
 * Sends power commands in one firmware dialect. Implementations hold no per-miner state and open
 * their own connections, so one instance serves any number of miners at once.
 */
sealed interface PowerController permits LuxosControl, BraiinsControl, AntminerWebControl, WhatsminerControl, AvalonControl {
  /**
   * @return accepted, or refused when the firmware said no
   * @throws IOException when the miner could not be reached or its answer read; the caller turns
   *     it into a failure
   */
  CommandResult send(MinerAddress miner, PowerCommand command) throws IOException, InterruptedException;
}
