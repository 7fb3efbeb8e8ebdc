using System.CommandLine;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir limits list</c>.</summary>
internal static class LimitsCommand
{
    public static Command Create(CommandContext context)
    {
        var limits = new Command("limits", "List concurrency and rate limits with their running and waiting runs.");
        limits.Subcommands.Add(List(context));
        return limits;
    }

    private static Command List(CommandContext context)
    {
        var command = new Command(
            "list",
            "List every limit: its concurrency and rate, its runs holding a slot and held waiting for one, its keys, and the busiest keys.");
        var json = CommonOptions.Json();
        var top = new Option<int>("--top")
        {
            Description = $"How many of each keyed limit's busiest keys to show (0 to {IWorkflowLimits.MaxTopKeys}).",
            DefaultValueFactory = _ => 5,
        };
        command.Options.Add(top);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var topKeys = parse.GetValue(top);
            if (topKeys is < 0 or > IWorkflowLimits.MaxTopKeys)
            {
                throw new UsageException($"--top must be from 0 to {IWorkflowLimits.MaxTopKeys}; it is {topKeys}.");
            }

            await using var session = context.Open(parse);
            var list = await session.Limits.ListAsync(topKeys, ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(list));
            }
            else
            {
                LimitListTable.Write(context.Console, list);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
