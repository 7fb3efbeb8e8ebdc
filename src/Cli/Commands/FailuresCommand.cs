using System.CommandLine;
using Inquir.Typed.Cli.Input;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir failures</c>: what is broken right now.</summary>
internal static class FailuresCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("failures", "Failed attempts grouped by workflow, step and error type, with counts and first/last seen.");
        var since = new Option<string>("--since") { Description = "Start of the window: a duration back from now or a date and time.", DefaultValueFactory = _ => "24h" };
        var until = new Option<string?>("--until") { Description = "End of the window; default now." };
        var workflow = new Option<string?>("--workflow", "-w") { Description = "Only this workflow." }.RefusingNul();
        var limit = new Option<int>("--limit", "-n") { Description = "The most groups shown.", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(workflow);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var now = context.Now;
            var (from, to) = TimeArgument.Range(parse.GetValue(since), parse.GetValue(until), now);
            var end = to ?? now;
            if (from >= end)
            {
                throw new UsageException($"The time range is empty: --since ({from:u}) is not before --until ({end:u}).");
            }

            if (parse.GetValue(limit) < 1)
            {
                throw new UsageException($"--limit must be at least 1; it is {parse.GetValue(limit)}.");
            }

            await using var session = context.Open(parse);
            var groups = await session.History.FailuresAsync(from!.Value, end, parse.GetValue(workflow), parse.GetValue(limit), ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(groups));
            }
            else
            {
                Tables.Failures(context.Console, groups);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
