using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inquir.Typed.Cli.Input;

namespace Inquir.Typed.Cli.Commands;

/// <summary>The search filters, as options of one command, and the <see cref="RunQuery"/> they make.</summary>
internal sealed class RunFilterOptions
{
    private readonly Option<string?> _since = new Option<string?>("--since") { Description = "Runs created at or after this: a duration back from now (1h, 30m, 2d) or a date and time." };
    private readonly Option<string?> _until = new Option<string?>("--until") { Description = "Runs created before this: a duration back from now or a date and time." };
    private readonly Option<string?> _workflow = new Option<string?>("--workflow", "-w") { Description = "Runs of this workflow." }.RefusingNul();
    private readonly Option<string?> _step = new Option<string?>("--step") { Description = "Runs whose current step, or any attempt, was of this step." }.RefusingNul();
    private readonly Option<string?> _status = new Option<string?>("--status") { Description = "pending, running, waiting, succeeded, failed or cancelled." }.RefusingNul();
    private readonly Option<string?> _key = new Option<string?>("--key") { Description = "Runs started with this idempotency key." }.RefusingNul();
    private readonly Option<string?> _error = new Option<string?>("--error") { Description = "Runs whose error, or the error of any attempt, contains this text, ignoring case." }.RefusingNul();
    private readonly Option<string[]> _input = new Option<string[]>("--input") { Description = "path=value the input must hold, as JSON (userId=42, customer.tier=\"gold\"); repeat for more.", AllowMultipleArgumentsPerToken = false }.RefusingNul();

    public RunFilterOptions(Command command, bool withStatus)
    {
        command.Options.Add(_since);
        command.Options.Add(_until);
        command.Options.Add(_workflow);
        command.Options.Add(_step);
        if (withStatus)
        {
            command.Options.Add(_status);
        }

        command.Options.Add(_key);
        command.Options.Add(_error);
        command.Options.Add(_input);
    }

    public RunQuery Query(ParseResult parse, DateTimeOffset now)
    {
        var (since, until) = TimeArgument.Range(parse.GetValue(_since), parse.GetValue(_until), now);
        return new RunQuery
        {
            Since = since,
            Until = until,
            Workflow = parse.GetValue(_workflow),
            Step = parse.GetValue(_step),
            Status = StatusArgument.Parse(parse.GetValue(_status)),
            IdempotencyKey = parse.GetValue(_key),
            ErrorContains = parse.GetValue(_error),
            Input = (parse.GetValue(_input) ?? []).Select(ParseInput).ToList(),
        };
    }

    private static InputMatch ParseInput(string text)
    {
        InputMatch match;
        try
        {
            match = InputMatch.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--input: " + e.Message.Split(" (Parameter", 2)[0]);
        }

        // The search reads each match back as a JSON document, which may nest at most 64 levels deep.
        try
        {
            JsonNode.Parse(match.ToContainedJson());
        }
        catch (JsonException)
        {
            throw new UsageException($"--input: the input match \"{text}\" nests deeper than the 64 levels a JSON document may have.");
        }

        return match;
    }
}
