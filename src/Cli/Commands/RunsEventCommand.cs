using System.CommandLine;
using Inquir.Typed.Cli.Input;

namespace Inquir.Typed.Cli.Commands;

/// <summary>
/// <c>inquir runs send-event &lt;run-id&gt; &lt;name&gt; --payload json --event-id id</c>: sends an event to a run that waits,
/// or will wait, for it. The command line knows no workflows: the database refuses a missing or ended run, and a
/// payload that does not fit the waiting step fails that step when it reads it.
/// </summary>
internal static class RunsEventCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "send-event",
            "Send an event to a run that waits for it (or will: the run keeps it until it gets to its wait). The same --event-id sent again is one event.");
        var id = new Argument<string>("id") { Description = "The run id." };
        var name = new Argument<string>("name") { Description = "The event's name, as the waiting step passes it to WaitForEvent." };
        var payload = new Option<string>("--payload") { Description = "The event's payload as JSON (default null).", DefaultValueFactory = _ => "null" }.RefusingNul();
        var eventId = new Option<string>("--event-id") { Description = "The sender's id of the event: a send repeated with the same id is one event.", Required = true }.RefusingNul();
        var json = CommonOptions.Json();
        command.Arguments.Add(id);
        command.Arguments.Add(name);
        command.Options.Add(payload);
        command.Options.Add(eventId);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var runId = RunIdArgument.Parse(parse.GetValue(id));
            await using var session = context.Open(parse);
            var sent = await session.Client.SendEventJsonAsync(EventTarget.Run(runId), parse.GetValue(name)!, parse.GetValue(payload)!, parse.GetValue(eventId)!, ct);
            var line = sent.Delivery switch
            {
                EventDelivery.Delivered => $"Run {runId} took event '{sent.Name}' ({sent.EventId}) and is due.",
                EventDelivery.Kept => $"Run {runId} keeps event '{sent.Name}' ({sent.EventId}) until its wait for it.",
                _ => $"Run {runId} had event '{sent.Name}' ({sent.EventId}) already; nothing changed.",
            };
            RunsCommand.Report(context, parse.GetValue(json), new { runId, name = sent.Name, eventId = sent.EventId, delivery = sent.Delivery.ToString() }, line);
            return ExitCodes.Ok;
        });
        return command;
    }
}
