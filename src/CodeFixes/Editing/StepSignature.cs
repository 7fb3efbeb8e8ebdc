using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Inquir.Typed.CodeFixes.Editing;

/// <summary>
/// Finds and adds the parameters a step takes besides its data: a <c>StepContext</c>, which goes after the data
/// parameter and before the token, and a <c>CancellationToken</c>, which goes last.
/// </summary>
internal static class StepSignature
{
    private const string StepContextType = "global::Inquir.Typed.StepContext";
    private const string CancellationTokenType = "global::System.Threading.CancellationToken";

    private static readonly string[] ContextNames = ["ctx", "stepContext", "context"];
    private static readonly string[] TokenNames = ["ct", "cancellationToken", "token"];

    /// <summary>The step method that holds a node: the nearest method declaration around it.</summary>
    public static MethodDeclarationSyntax? StepAround(SyntaxNode node) => node.FirstAncestorOrSelf<MethodDeclarationSyntax>();

    /// <summary>The name of the step's StepContext parameter, or null when it takes none.</summary>
    public static string? ContextParameter(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        ParameterOfType(method, model, "Inquir.Typed.StepContext", cancellationToken);

    /// <summary>The name of the step's CancellationToken parameter, or null when it takes none.</summary>
    public static string? TokenParameter(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        ParameterOfType(method, model, "System.Threading.CancellationToken", cancellationToken);

    /// <summary>A name for a new StepContext parameter that no identifier in the method uses yet.</summary>
    public static string FreeContextName(MethodDeclarationSyntax method) => FreeName(method, ContextNames);

    /// <summary>A name for a new CancellationToken parameter that no identifier in the method uses yet.</summary>
    public static string FreeTokenName(MethodDeclarationSyntax method) => FreeName(method, TokenNames);

    /// <summary>
    /// Adds <c>StepContext {name}</c> before the step's CancellationToken parameter, or last when it has none. It
    /// reads the types by name, because the method may be an edited copy that the semantic model does not know.
    /// </summary>
    public static MethodDeclarationSyntax AddContextParameter(MethodDeclarationSyntax method, string name)
    {
        var parameters = method.ParameterList.Parameters;
        var index = parameters.Count;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (RightmostName(parameters[i].Type) == "CancellationToken")
            {
                index = i;
                break;
            }
        }

        return WithParameter(method, index, StepContextType, name);
    }

    private static string? RightmostName(TypeSyntax? type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Adds <c>CancellationToken {name}</c> as the step's last parameter.</summary>
    public static MethodDeclarationSyntax AddTokenParameter(MethodDeclarationSyntax method, string name) =>
        WithParameter(method, method.ParameterList.Parameters.Count, CancellationTokenType, name);

    private static MethodDeclarationSyntax WithParameter(MethodDeclarationSyntax method, int index, string type, string name)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(SyntaxFactory.ParseTypeName(type).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        var list = method.ParameterList.WithParameters(method.ParameterList.Parameters.Insert(index, parameter));
        return method.WithParameterList(list.WithAdditionalAnnotations(Formatter.Annotation));
    }

    private static string? ParameterOfType(MethodDeclarationSyntax method, SemanticModel model, string metadataName, CancellationToken cancellationToken)
    {
        foreach (var parameter in method.ParameterList.Parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsOfType(parameter, model, metadataName))
            {
                return parameter.Identifier.ValueText;
            }
        }

        return null;
    }

    private static bool IsOfType(ParameterSyntax parameter, SemanticModel model, string metadataName)
    {
        if (parameter.Type is null || parameter.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var type = model.GetTypeInfo(parameter.Type).Type;
        return type is not null && SymbolEqualityComparer.Default.Equals(type, model.Compilation.GetTypeByMetadataName(metadataName));
    }

    private static string FreeName(MethodDeclarationSyntax method, string[] candidates)
    {
        var used = method.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText).ToList();
        foreach (var candidate in candidates)
        {
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }

        var suffix = 2;
        while (used.Contains(candidates[0] + suffix))
        {
            suffix++;
        }

        return candidates[0] + suffix;
    }
}
