package io.hashfleet.console.web;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.console.access.LoginThrottle;
import io.hashfleet.console.access.Sessions;
import io.hashfleet.console.energy.EnergyView;
import io.hashfleet.console.energy.EventDesk;
import io.hashfleet.console.fleet.FleetView;
import java.time.Clock;

/**
 * Everything the web layer calls.
 *
 * @param eventDesk null when no energy controller runs: the console then refuses commands
 */
public record ConsoleServices(Accounts accounts, Sessions sessions, LoginThrottle throttle, ConsoleAudit audit, FleetView fleet,
    EnergyView energy, EventDesk eventDesk, Clock clock) {}
