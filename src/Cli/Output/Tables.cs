using System.Globalization;
using Spectre.Console;

namespace Inquir.Typed.Cli.Output;

/// <summary>The human form of what the commands show: Spectre.Console tables, no colour codes when output is redirected.</summary>
internal static class Tables
{
    public static void Runs(IAnsiConsole console, RunPage page)
    {
        var table = new Table().AddColumns(Fixed("Id"), Fixed("Workflow"), Fixed("Status"), Fixed("Step"), Fixed("Attempt"), Fixed("Created (UTC)"), new TableColumn("Error"));
        foreach (var run in page.Runs)
        {
            table.AddRow(
                Text(run.Id.ToString()),
                Text(run.Workflow),
                Text(Status(run.Status)),
                Text(run.CurrentStep ?? "-"),
                Text(run.Attempt.ToString(CultureInfo.InvariantCulture)),
                Text(Time(run.CreatedAt)),
                Text(Shorten(run.Error, 100)));
        }

        console.Write(table);
        console.WriteLine(page.Runs.Count == 0 ? "No runs matched." : $"Runs: {page.Runs.Count}");
        if (page.NextCursor is not null)
        {
            console.WriteLine($"More: --cursor {page.NextCursor}");
        }
    }

    public static void History(IAnsiConsole console, RunHistory history, bool withStacks, bool withLogs)
    {
        var run = history.Run;
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow(Text("Run"), Text(run.Id.ToString()));
        summary.AddRow(Text("Workflow"), Text(run.Workflow));
        summary.AddRow(Text("Status"), Text(Status(run.Status)));
        if (run.HeldBy is { } hold)
        {
            summary.AddRow(Text("Held by"), Text(HeldBy(hold)));
        }

        summary.AddRow(Text("Execution"), Text(history.Execution.ToString(CultureInfo.InvariantCulture)));
        summary.AddRow(Text("Created"), Text(Time(run.CreatedAt)));
        summary.AddRow(Text("Completed"), Text(run.CompletedAt is { } c ? Time(c) : "-"));
        if (run is { Sleep: { } sleep, NextAttemptAt: { } wakes })
        {
            summary.AddRow(Text(sleep == RunSleep.Snoozed ? "Snoozed until" : "Sleeping until"), Text(Time(wakes)));
        }

        if (run.DeadlineAt is { } deadline)
        {
            summary.AddRow(Text("Deadline"), Text(Time(deadline)));
        }

        summary.AddRow(Text("Input"), Text(run.Input));
        summary.AddRow(Text("Result"), Text(run.Result ?? "-"));
        summary.AddRow(Text("Error"), Text(run.Error ?? "-"));
        if (run.IdempotencyKey is not null)
        {
            summary.AddRow(Text("Key"), Text(run.IdempotencyKey));
        }

        if (run.ParentRunId is { } parent)
        {
            summary.AddRow(Text("Parent"), Text(parent.ToString()));
        }

        if (history.AwaitedEvent is { } awaited)
        {
            summary.AddRow(Text("Waits for"), Text($"event '{awaited.Name}'" + (awaited.Until is { } until ? $" until {Time(until)}" : string.Empty)));
        }

        if (history.RestartedFromRunId is { } origin)
        {
            summary.AddRow(Text("Restarted from"), Text(origin.ToString()));
        }

        foreach (var child in history.Children)
        {
            summary.AddRow(Text("Child"), Text($"{child.Id} {child.Workflow} {Status(child.Status)}"));
        }

        foreach (var restart in history.Restarts)
        {
            summary.AddRow(Text("Restarted as"), Text($"{restart.Id} {Status(restart.Status)}"));
        }

        foreach (var notification in history.Notifications)
        {
            var problem = notification.LastError is null ? "" : $"; last: {notification.LastError}";
            summary.AddRow(Text("Notification"), Text($"execution {notification.Execution} {Status(notification.Outcome)} to {notification.Webhook}: {notification.State}, {notification.Attempts} post(s){problem}"));
        }

        console.Write(summary);
        console.WriteLine();

        var table = new Table().AddColumns(Fixed("Step"), Fixed("Exec"), Fixed("Attempt"), Fixed("Started (UTC)"), Fixed("Duration"), Fixed("Outcome"), new TableColumn("Error"));
        foreach (var step in history.Steps)
        {
            foreach (var attempt in step.Attempts)
            {
                table.AddRow(
                    Text($"{step.Index} {step.Name}"),
                    Text(attempt.Execution.ToString(CultureInfo.InvariantCulture)),
                    Text(attempt.Number.ToString(CultureInfo.InvariantCulture)),
                    Text(Time(attempt.StartedAt)),
                    Text(attempt.Duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms"),
                    Text(Outcome(attempt.Outcome)),
                    Text(Shorten(attempt.ErrorMessage, 100)));
            }

            if (step.Checkpoint is { } checkpoint)
            {
                table.AddRow(Text($"{step.Index} {step.Name}"), Text(""), Text(""), Text(Time(checkpoint.CompletedAt)), Text(""), Text("checkpoint"), Text(Shorten(checkpoint.Output, 70)));
            }
        }

        console.Write(table);
        if (withStacks)
        {
            foreach (var step in history.Steps)
            {
                foreach (var attempt in step.Attempts.Where(a => a.ErrorStack is not null))
                {
                    console.WriteLine();
                    console.WriteLine($"{step.Name}, execution {attempt.Execution}, attempt {attempt.Number}:");
                    console.WriteLine(attempt.ErrorStack!);
                }
            }
        }

        if (withLogs)
        {
            Logs(console, history);
        }
    }

    // Under each attempt that kept lines: one line each, then how many were dropped past the bounds.
    private static void Logs(IAnsiConsole console, RunHistory history)
    {
        foreach (var step in history.Steps)
        {
            foreach (var attempt in step.Attempts.Where(a => a.Logs.Count > 0 || a.DroppedLogLines > 0))
            {
                console.WriteLine();
                console.WriteLine($"{step.Name}, execution {attempt.Execution}, attempt {attempt.Number} ({Outcome(attempt.Outcome)}), logged:");
                foreach (var line in attempt.Logs)
                {
                    var exception = line.Exception is null ? "" : " | " + line.Exception;
                    console.WriteLine($"  {Time(line.Time)} {line.Level,-11} {line.Message.ReplaceLineEndings(" ")}{exception}");
                }

                if (attempt.DroppedLogLines > 0)
                {
                    console.WriteLine($"  … {attempt.DroppedLogLines} more lines were not kept (Inquir:AttemptLogs:MaxLines / MaxBytes)");
                }
            }
        }
    }

    public static void Failures(IAnsiConsole console, IReadOnlyList<FailureGroup> groups)
    {
        var table = new Table().AddColumns(
            Fixed("Workflow"), Fixed("Step"), Fixed("Error type"), Fixed("Failures"), Fixed("Runs"), Fixed("First seen (UTC)"), Fixed("Last seen (UTC)"), new TableColumn("Last message"));
        foreach (var g in groups)
        {
            table.AddRow(
                Text(g.Workflow),
                Text(g.Step),
                Text(g.ErrorType),
                Text(g.Failures.ToString(CultureInfo.InvariantCulture)),
                Text(g.Runs.ToString(CultureInfo.InvariantCulture)),
                Text(Time(g.FirstSeen)),
                Text(Time(g.LastSeen)),
                Text(Shorten(g.LastMessage, 60)));
        }

        console.Write(table);
        console.WriteLine(groups.Count == 0 ? "No failures in this window." : $"Groups: {groups.Count}");
    }

    public static void Schedules(IAnsiConsole console, IReadOnlyList<ScheduleInfo> schedules)
    {
        var table = new Table().AddColumns(
            Fixed("Schedule"), Fixed("Workflow"), Fixed("Cron"), Fixed("Time zone"), Fixed("State"), Fixed("Catch-up"), Fixed("Last tick (UTC)"), Fixed("Next ticks (UTC)"));
        foreach (var s in schedules)
        {
            table.AddRow(
                Text(s.Name),
                Text(s.Workflow),
                Text(s.Cron),
                Text(s.TimeZone),
                Text(s.PausedByConfiguration ? "paused (configuration)" : s.Paused ? "paused" : "active"),
                Text(s.CatchUp == ScheduleCatchUp.All ? $"all, at most {s.MaxCatchUp.ToString(CultureInfo.InvariantCulture)}" : "skip"),
                Text(s.LastTickAt is { } last ? Time(last) : "-"),
                Text(s.NextTicks.Count == 0 ? "-" : string.Join("\n", s.NextTicks.Select(Time))));
        }

        console.Write(table);
        console.WriteLine(schedules.Count == 0 ? "No schedules are stored: a schedule is stored when a host that defines it starts." : $"Schedules: {schedules.Count}");
    }

    public static void Queues(IAnsiConsole console, IReadOnlyList<QueueInfo> queues)
    {
        var table = new Table().AddColumns(
            Fixed("Queue"), Fixed("State"), Fixed("Due"), Fixed("Scheduled"), Fixed("Held"), Fixed("Running"), Fixed("Waiting"), Fixed("Oldest due"), Fixed("Paused at (UTC)"));
        foreach (var q in queues)
        {
            table.AddRow(
                Text(q.Name),
                Text(q.Paused ? "paused" : "active"),
                Text(Count(q.Due)),
                Text(Count(q.Scheduled)),
                Text(Count(q.Held)),
                Text(Count(q.Running)),
                Text(Count(q.Waiting)),
                Text(q.OldestDueAge is { } age ? Age(age) : "-"),
                Text(q.PausedAt is { } at ? Time(at) : "-"));
        }

        console.Write(table);
        console.WriteLine(queues.Count == 0 ? "No queues are known: a queue is known once a worker serving it has started or a run is in it." : $"Queues: {queues.Count}");
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Age(TimeSpan age) => age.TotalSeconds < 60 ? age.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : age.TotalMinutes < 60 ? age.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min"
        : age.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " h";

    private static Text Text(string value) => new(value);

    // Ids, names, numbers and times are read whole; only the free text column wraps.
    private static TableColumn Fixed(string header) => new TableColumn(header).NoWrap();

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string HeldBy(LimitHold hold) =>
        $"limit {hold.Limit}{(hold.Key.Length == 0 ? "" : $", key {hold.Key}")}: it waits for a slot, holding no worker (see inquir limits list)";

    private static string Outcome(StepAttemptOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Shorten(string? text, int length)
    {
        if (text is null)
        {
            return "";
        }

        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
