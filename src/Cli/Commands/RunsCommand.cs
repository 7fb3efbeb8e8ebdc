using System.CommandLine;
using Inquir.Typed.Cli.Input;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir runs list|search|show|replay|restart|cancel|send-event</c>.</summary>
internal static class RunsCommand
{
    public static Command Create(CommandContext context)
    {
        var runs = new Command("runs", "List, search and show runs; replay, restart or cancel them.");
        runs.Subcommands.Add(Search(context, "list", "List the newest runs (the same filters as search)."));
        runs.Subcommands.Add(Search(context, "search", "Search runs by time, workflow, step, status, key, error text and input; newest first."));
        runs.Subcommands.Add(Show(context));
        runs.Subcommands.Add(Replay(context));
        runs.Subcommands.Add(Restart(context));
        runs.Subcommands.Add(Cancel(context));
        runs.Subcommands.Add(RunsEventCommand.Create(context));
        return runs;
    }

    private static Command Search(CommandContext context, string name, string description)
    {
        var command = new Command(name, description);
        var filters = new RunFilterOptions(command, withStatus: true);
        var limit = new Option<int>("--limit", "-n") { Description = $"Runs per page, 1 to {RunQuery.MaxLimit}.", DefaultValueFactory = _ => 20 };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this cursor." };
        var json = CommonOptions.Json();
        command.Options.Add(limit);
        command.Options.Add(cursor);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) is < 1 or > RunQuery.MaxLimit)
            {
                throw new UsageException($"--limit must be between 1 and {RunQuery.MaxLimit}; it is {parse.GetValue(limit)}.");
            }

            var query = filters.Query(parse, context.Now) with { Limit = parse.GetValue(limit), Cursor = parse.GetValue(cursor) };
            await using var session = context.Open(parse);
            var page = await session.History.SearchAsync(query, ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Page(page));
            }
            else
            {
                Tables.Runs(context.Console, page);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var command = new Command("show", "Show a run: its steps, checkpoints and every attempt of every execution.");
        var id = new Argument<string>("id") { Description = "The run id." };
        var stacks = new Option<bool>("--stack") { Description = "Also print the stack trace of every failed attempt." };
        var logs = new Option<bool>("--logs") { Description = "Also print what each attempt logged through its step's logger." };
        var json = CommonOptions.Json();
        command.Arguments.Add(id);
        command.Options.Add(stacks);
        command.Options.Add(logs);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var runId = RunIdArgument.Parse(parse.GetValue(id));
            await using var session = context.Open(parse);
            var history = await session.History.GetAsync(runId, ct) ?? throw new RunMissingException(runId);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.History(history));
            }
            else
            {
                Tables.History(context.Console, history, parse.GetValue(stacks), parse.GetValue(logs));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay(CommandContext context)
    {
        var command = new Command(
            "replay",
            "Replay a failed or cancelled run from the step that ended it (completed steps keep their checkpoints), or with --failed every failed run the filters match.");
        var id = new Argument<string?>("id") { Description = "The run id; leave out with --failed.", Arity = ArgumentArity.ZeroOrOne };
        var failed = new Option<bool>("--failed") { Description = "Replay every failed run the filters match." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --failed: only count the runs that would be replayed." };
        var json = CommonOptions.Json();
        var filters = new RunFilterOptions(command, withStatus: false);
        command.Arguments.Add(id);
        command.Options.Add(failed);
        command.Options.Add(dryRun);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(id);
            if (parse.GetValue(failed) == (text is not null))
            {
                throw new UsageException("Give either a run id or --failed with filters, not both and not neither.");
            }

            if (text is not null)
            {
                var runId = RunIdArgument.Parse(text);
                await using var one = context.Open(parse);
                await one.History.ReplayAsync(runId, ct);
                Report(context, parse.GetValue(json), new { runId, replayed = true }, $"Run {runId} will be replayed from its failed step.");
                return ExitCodes.Ok;
            }

            var query = filters.Query(parse, context.Now);
            var dry = parse.GetValue(dryRun);
            await using var session = context.Open(parse);
            var count = await session.History.ReplayFailedAsync(query, dry, ct);
            Report(
                context,
                parse.GetValue(json),
                new { dryRun = dry, matched = count },
                dry ? $"{count} failed runs would be replayed." : $"{count} failed runs will be replayed.");
            return count == 0 ? ExitCodes.NotFound : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Restart(CommandContext context)
    {
        var command = new Command("restart", "Start a finished run again from scratch as a new run with the same input, linked to the original.");
        var id = new Argument<string>("id") { Description = "The run id." };
        var json = CommonOptions.Json();
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var runId = RunIdArgument.Parse(parse.GetValue(id));
            await using var session = context.Open(parse);
            var restarted = await session.History.RestartAsync(runId, ct);
            Report(context, parse.GetValue(json), new { runId, restartedAs = restarted }, $"Run {runId} restarted as {restarted}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Cancel(CommandContext context)
    {
        var command = new Command("cancel", "Cancel a pending, running or waiting run (and the children a waiting run waits for): a running step's cancellation token fires and no further step starts.");
        var id = new Argument<string>("id") { Description = "The run id." };
        var reason = new Option<string?>("--reason") { Description = "Recorded as the run's error." }.RefusingNul();
        var json = CommonOptions.Json();
        command.Arguments.Add(id);
        command.Options.Add(reason);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var runId = RunIdArgument.Parse(parse.GetValue(id));
            await using var session = context.Open(parse);
            await session.History.CancelAsync(runId, parse.GetValue(reason), ct);
            Report(context, parse.GetValue(json), new { runId, cancelled = true }, $"Run {runId} cancelled.");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Report<T>(CommandContext context, bool json, T value, string line)
    {
        if (json)
        {
            JsonOutput.Write(context.Output, JsonOutput.Value(value));
        }
        else
        {
            context.Output.WriteLine(line);
        }
    }
}
