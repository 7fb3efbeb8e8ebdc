using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inquir.Typed.Analyzers.StepBodies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Inquir.Typed.CodeFixes.StepBodies;

/// <summary>
/// INQ2004: passes the step's cancellation token to the call, last when it can go there by position and by the
/// parameter's name otherwise.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StepTokenNotPassedCodeFix))]
[Shared]
public sealed class StepTokenNotPassedCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("INQ2004");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var diagnostic = context.Diagnostics[0];
        var invocation = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax;
        if (root is null
            || invocation is null
            || !diagnostic.Properties.TryGetValue(TokenArgument.StepToken, out var token) || token is null
            || !diagnostic.Properties.TryGetValue(TokenArgument.ParameterName, out var parameter) || parameter is null)
        {
            return;
        }

        var positional = diagnostic.Properties.TryGetValue(TokenArgument.Positional, out var flag) && flag == "true";
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Pass '{token}'",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, WithToken(invocation, token, parameter, positional)))),
                equivalenceKey: nameof(StepTokenNotPassedCodeFix)),
            diagnostic);
    }

    private static InvocationExpressionSyntax WithToken(InvocationExpressionSyntax invocation, string token, string parameter, bool positional)
    {
        var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
        if (!positional)
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(parameter));
        }

        var arguments = invocation.ArgumentList.Arguments.Add(argument);
        return invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments).WithAdditionalAnnotations(Formatter.Annotation));
    }
}
