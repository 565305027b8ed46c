package newsdesk.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The billing month and day an instant falls in, in UTC. A billing month starts on {@code billingDay}
 * (1 to 28) at midnight UTC and ends where the next one starts.
 */
public record BillingPeriod(LocalDate monthStart, LocalDate monthEnd, LocalDate day) {

    public static BillingPeriod of(Instant now, int billingDay) {
        if (billingDay < 1 || billingDay > 28) {
            throw new IllegalArgumentException("newsdesk.deepl.budget.billing-day is " + billingDay + ": set it to 1 ... 28.");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = today.withDayOfMonth(billingDay);
        if (start.isAfter(today)) {
            start = start.minusMonths(1);
        }
        return new BillingPeriod(start, start.plusMonths(1), today);
    }

    public Instant monthStartInstant() {
        return monthStart.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant monthEndInstant() {
        return monthEnd.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant dayStartInstant() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant dayEndInstant() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
