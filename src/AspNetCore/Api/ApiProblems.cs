using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>The API's error answers, as RFC 9457 problem details; a 400 names the field in <c>errors</c> and in its detail.</summary>
internal static class ApiProblems
{
    public static IResult BadField(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field}: {message}");

    public static IResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict);

    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The request body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>An <see cref="ArgumentException"/>'s message without the " (Parameter 'x')" that .NET appends.</summary>
    public static string MessageOf(ArgumentException e) => e.Message.Split(" (Parameter", 2)[0];
}
