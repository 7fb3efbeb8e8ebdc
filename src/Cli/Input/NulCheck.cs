using System.CommandLine;

namespace Inquir.Typed.Cli.Input;

/// <summary>
/// Refuses U+0000 in an option that reaches the database: PostgreSQL text and jsonb cannot hold it, so the
/// database would answer with an encoding error instead of a usage error that names the option.
/// </summary>
internal static class NulCheck
{
    public static TOption RefusingNul<TOption>(this TOption option)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Contains('\0', StringComparison.Ordinal)))
            {
                result.AddError($"{option.Name} holds the character U+0000, which PostgreSQL text cannot hold.");
            }
        });
        return option;
    }
}
