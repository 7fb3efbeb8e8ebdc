using System.CommandLine;
using Inquir.Typed.Cli.Output;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir alerts</c>: the failure-rate alert rules and their shared state.</summary>
internal static class AlertsCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("alerts", "List the failure-rate alert rules the hosts stored: threshold, window, state (ok or firing) since when, and the latest rate.");
        var json = CommonOptions.Json();
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            await using var session = context.Open(parse);
            var alerts = await session.Alerts.ListAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, JsonOutput.Value(alerts));
            }
            else
            {
                AlertTable.Write(context.Console, alerts);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
