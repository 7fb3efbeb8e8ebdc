namespace Inquir.Typed.Cli.Input;

/// <summary>Reads <c>--status</c>: a status name only, so that numbers and lists of names that <see cref="Enum"/> would accept are refused.</summary>
internal static class StatusArgument
{
    public static RunStatus? Parse(string? text) =>
        text is null ? null
        : text.Length > 0 && text.All(char.IsAsciiLetter) && Enum.TryParse<RunStatus>(text, ignoreCase: true, out var status) ? status
        : throw new UsageException($"--status \"{text}\" is not one of pending, running, waiting, succeeded, failed, cancelled.");
}
