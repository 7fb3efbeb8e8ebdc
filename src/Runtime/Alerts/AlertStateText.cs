namespace Inquir.Typed;

/// <summary>The spelling of <see cref="AlertState"/> in the <c>alerts.state</c> column of both stores.</summary>
internal static class AlertStateText
{
    public static string Of(AlertState state) => state == AlertState.Firing ? "firing" : "ok";

    public static AlertState Parse(string text) => text == "firing" ? AlertState.Firing : AlertState.Ok;
}
