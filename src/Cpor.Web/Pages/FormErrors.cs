using Cpor.Domain;
using Cpor.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages;

/// <summary>
/// The errors a use case returned, placed on a form: each <see cref="DomainError.Field"/> (an API
/// field such as <c>customerContact.email</c>) is mapped to the id of the input that holds it, and
/// the message is the same localized sentence the API puts in its problem details.
/// </summary>
public sealed class FormErrors
{
    public static readonly FormErrors None = new([]);

    private readonly IReadOnlyList<FormError> _errors;

    public FormErrors(IReadOnlyList<FormError> errors) => _errors = errors;

    public IReadOnlyList<FormError> All => _errors;

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> For(string inputId) => [.. _errors.Where(e => e.InputId == inputId).Select(e => e.Message)];

    public bool Has(string inputId) => _errors.Any(e => e.InputId == inputId);

    public InputErrors Of(string inputId) => new(inputId, For(inputId));

    /// <summary>The same errors, each with the label of its input (for the summary at the top of the form).</summary>
    public FormErrors WithLabels(Func<string, string?> labelOf) =>
        new([.. _errors.Select(e => e.InputId is { } input ? e with { Label = labelOf(input) } : e)]);

    /// <summary>The errors of a use case; <paramref name="inputOf"/> names the input of an API field, or null when the form has none.</summary>
    public static FormErrors From(IReadOnlyList<DomainError> errors, IStringLocalizer localizer, Func<string, string?> inputOf) =>
        new([.. errors.Select(e => new FormError(e.Field is null ? null : inputOf(e.Field), Problems.Detail(localizer, e)))]);

    /// <summary>A form whose inputs are named like the API's fields.</summary>
    public static FormErrors From(IReadOnlyList<DomainError> errors, IStringLocalizer localizer) => From(errors, localizer, field => field);
}
