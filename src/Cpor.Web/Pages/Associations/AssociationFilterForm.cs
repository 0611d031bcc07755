using Cpor.Web.Infrastructure;

namespace Cpor.Web.Pages.Associations;

/// <summary>What <c>_AssociationFilters</c> renders: the filters in force, their choices, and the errors of refused values.</summary>
public sealed record AssociationFilterForm(AssociationFilters Filters, AssociationChoices Choices, FormErrors Errors, CurrentUser User, string LabelKey);
