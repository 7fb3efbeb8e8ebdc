namespace Inquir.Typed.Cli.Input;

/// <summary>Reads <c>--status</c>.</summary>
internal static class StatusArgument
{
    public static RunStatus? Parse(string? text) =>
        text is null ? null
        : Enum.TryParse<RunStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
        : throw new UsageException($"--status \"{text}\" is not one of pending, running, succeeded, failed, cancelled.");
}
