namespace Inquir.Typed.AspNetCore;

/// <summary>Settings of the management HTTP API (<c>MapInquirApi</c>).</summary>
public sealed class InquirApiOptions
{
    /// <summary>The name of the API's OpenAPI document, served at <c>{prefix}/openapi/inquir.json</c>.</summary>
    public const string DocumentName = "inquir";

    /// <summary>The default of <see cref="MaxBodyBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The largest request body accepted (a run's input, an event's payload); a larger one is refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
