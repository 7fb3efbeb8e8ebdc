using System.CommandLine;

namespace Inquir.Typed.Cli.Commands;

/// <summary><c>inquir migrate</c>: creates the schema or brings it up to date.</summary>
internal static class MigrateCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("migrate", "Create the schema or bring it up to date (safe to run at any time, from many places at once).");
        command.SetAction(async (parse, ct) =>
        {
            await using var session = context.Open(parse);
            await session.History.MigrateAsync(ct);
            context.Output.WriteLine(parse.GetValue<string?>("--sqlite") is { } file
                ? $"SQLite file {file} is up to date."
                : $"Schema {parse.GetValue<string>("--schema")} is up to date.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
