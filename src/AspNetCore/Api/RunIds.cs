namespace Inquir.Typed.AspNetCore;

/// <summary>Reads a run id from a route, so that a malformed one is a 400 naming the field rather than a bare 404.</summary>
internal static class RunIds
{
    public static bool TryParse(string text, out Guid id, out Microsoft.AspNetCore.Http.IResult? problem)
    {
        problem = Guid.TryParse(text, out id) ? null : ApiProblems.BadField("id", $"\"{Problems.Shorten(text)}\" is not a run id; a run id is a UUID.");
        return problem is null;
    }

    public static Microsoft.AspNetCore.Http.IResult NoRun(Guid id) => ApiProblems.NotFound($"There is no run {id:D}.");
}
