namespace Inquir.Typed.Cli.Input;

/// <summary>Reads a run id.</summary>
internal static class RunIdArgument
{
    public static Guid Parse(string? text) =>
        Guid.TryParse(text, out var id)
            ? id
            : throw new UsageException($"\"{text}\" is not a run id; a run id is a UUID such as 0196b0d2-5f3e-7c41-9a1e-2b7f0c1d4e5a.");
}
