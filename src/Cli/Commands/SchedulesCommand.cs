using System.CommandLine;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir schedules list|pause|resume</c>.</summary>
internal static class SchedulesCommand
{
    public static Command Create(CommandContext context)
    {
        var schedules = new Command("schedules", "List cron schedules with their next ticks; pause or resume them on every worker.");
        schedules.Subcommands.Add(List(context));
        schedules.Subcommands.Add(Switch(context, "pause", "Pause a schedule: the ticks that pass until it is resumed start no run.", paused: true));
        schedules.Subcommands.Add(Switch(context, "resume", "Resume a paused schedule from its next tick; the ticks that passed while it was paused are not run.", paused: false));
        return schedules;
    }

    private static Command List(CommandContext context)
    {
        var command = new Command("list", "List every schedule the hosts stored: workflow, cron, time zone, paused or not, latest tick and next ticks.");
        var json = CommonOptions.Json();
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            await using var session = context.Open(parse);
            var list = await session.Schedules.ListAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(list));
            }
            else
            {
                Tables.Schedules(context.Console, list);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Switch(CommandContext context, string name, string description, bool paused)
    {
        var command = new Command(name, description);
        var schedule = new Argument<string>("name") { Description = "The schedule's name." };
        schedule.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Contains('\0', StringComparison.Ordinal)))
            {
                result.AddError("The schedule name holds the character U+0000, which PostgreSQL text cannot hold.");
            }
        });
        var json = CommonOptions.Json();
        command.Arguments.Add(schedule);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(schedule)!;
            await using var session = context.Open(parse);
            if (paused)
            {
                await session.Schedules.PauseAsync(text, ct);
            }
            else
            {
                await session.Schedules.ResumeAsync(text, ct);
            }

            var info = (await session.Schedules.ListAsync(ct)).Single(s => s.Name == text);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(info));
            }
            else
            {
                context.Output.WriteLine(paused
                    ? $"Schedule {text} is paused."
                    : info.PausedByConfiguration
                        ? $"Schedule {text} is resumed, but Inquir:Schedules:{text}:Paused still holds it paused."
                        : $"Schedule {text} is resumed; next tick {Tables.Time(info.NextTicks[0])} UTC.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
