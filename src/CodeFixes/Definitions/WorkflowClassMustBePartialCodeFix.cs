using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inquir.Typed.CodeFixes.Definitions;

/// <summary>
/// INQ1050: adds <c>partial</c> to every declaration of the type the diagnostic names: the workflow class, or the
/// containing type given as the diagnostic's additional location.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WorkflowClassMustBePartialCodeFix))]
[Shared]
public sealed class WorkflowClassMustBePartialCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("INQ1050");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        var document = context.Document.Project.Solution.GetDocument(location.SourceTree);
        var root = document is null ? null : await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var declaration = root?.FindToken(location.SourceSpan.Start).Parent as TypeDeclarationSyntax;
        if (document is null || declaration is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{declaration.Identifier.ValueText}' partial",
                cancellationToken => MakePartialAsync(document, declaration, cancellationToken),
                equivalenceKey: "MakePartial:" + declaration.Identifier.ValueText),
            diagnostic);
    }

    private static async Task<Solution> MakePartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var solution = document.Project.Solution;
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return solution;
        }

        foreach (var group in type.DeclaringSyntaxReferences.GroupBy(reference => reference.SyntaxTree))
        {
            var target = solution.GetDocument(group.Key);
            if (target is null)
            {
                continue;
            }

            var root = await group.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var declarations = group.Select(reference => reference.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>()
                .Where(candidate => !candidate.Modifiers.Any(SyntaxKind.PartialKeyword));
            solution = solution.WithDocumentSyntaxRoot(target.Id, root.ReplaceNodes(declarations, (_, current) => WithPartial(current)));
        }

        return solution;
    }

    /// <summary>Adds <c>partial</c> right before the <c>class</c> keyword, where C# requires it.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            var keyword = declaration.Keyword;
            var partialFirst = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia())
                .WithModifiers(SyntaxFactory.TokenList(partialFirst));
        }

        var partial = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration.WithModifiers(declaration.Modifiers.Add(partial));
    }
}
