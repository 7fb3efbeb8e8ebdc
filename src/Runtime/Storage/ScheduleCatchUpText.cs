namespace Inquir.Typed.Storage;

/// <summary>The spelling of <see cref="ScheduleCatchUp"/> in the <c>schedules.catch_up</c> column.</summary>
internal static class ScheduleCatchUpText
{
    public static string Of(ScheduleCatchUp catchUp) => catchUp == ScheduleCatchUp.All ? "all" : "skip";

    public static ScheduleCatchUp Parse(string text) => text == "all" ? ScheduleCatchUp.All : ScheduleCatchUp.Skip;
}
