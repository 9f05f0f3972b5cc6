package io.hashfleet.console.web;

import io.hashfleet.console.access.Accounts;
import io.hashfleet.console.access.ConsoleAudit;
import io.hashfleet.console.access.LoginThrottle;
import io.hashfleet.console.access.Sessions;
import io.hashfleet.console.energy.EnergyView;
import io.hashfleet.console.energy.EventDesk;
import io.hashfleet.console.fleet.FleetView;
import io.hashfleet.console.money.MoneyView;
import io.hashfleet.console.money.ReportView;
import java.time.Clock;

/**
 * Everything the web layer calls.
 *
 * @param money null when no chain data is loaded: production and treasury then answer 409
 * @param reports null when no chain data is loaded: the monthly report then answers 409
 * @param eventDesk null when no energy controller runs: the console then refuses commands
 */
public record ConsoleServices(Accounts accounts, Sessions sessions, LoginThrottle throttle, ConsoleAudit audit, FleetView fleet,
    EnergyView energy, MoneyView money, ReportView reports, EventDesk eventDesk, Clock clock) {}
