using System.CommandLine;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir queues list|pause|resume</c>.</summary>
internal static class QueuesCommand
{
    public static Command Create(CommandContext context)
    {
        var queues = new Command("queues", "List queues with their runs; pause or resume a queue on every worker.");
        queues.Subcommands.Add(List(context));
        queues.Subcommands.Add(Switch(context, "pause", "Pause a queue: no worker claims its runs until it is resumed; its runs keep their due times.", paused: true));
        queues.Subcommands.Add(Switch(context, "resume", "Resume a paused queue: its due runs are claimed at once.", paused: false));
        return queues;
    }

    private static Command List(CommandContext context)
    {
        var command = new Command("list", "List every known queue: paused or not, its due, scheduled, running and waiting runs, and how long the oldest due run has waited.");
        var json = CommonOptions.Json();
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            await using var session = context.Open(parse);
            var list = await session.Queues.ListAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(list));
            }
            else
            {
                Tables.Queues(context.Console, list);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Switch(CommandContext context, string name, string description, bool paused)
    {
        var command = new Command(name, description);
        var queue = new Argument<string>("name") { Description = "The queue's name." };
        var json = CommonOptions.Json();
        command.Arguments.Add(queue);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(queue)!;
            await using var session = context.Open(parse);
            if (paused)
            {
                await session.Queues.PauseAsync(text, ct);
            }
            else
            {
                await session.Queues.ResumeAsync(text, ct);
            }

            var info = (await session.Queues.ListAsync(ct)).SingleOrDefault(q => q.Name == text);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(info));
            }
            else
            {
                var due = info is null ? 0 : info.Due;
                context.Output.WriteLine(paused
                    ? $"Queue {text} is paused; no worker claims its {due} due runs until it is resumed."
                    : $"Queue {text} is resumed; its {due} due runs are claimed now.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
