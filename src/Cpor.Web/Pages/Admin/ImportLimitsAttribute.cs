using Cpor.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Pages.Admin;

/// <summary>
/// Lifts the body and form limits of a page to the directory import's (Cpor:MaxImportBytes), before
/// the antiforgery check reads the form: Kestrel's default limit is one PoE file.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery filter (1000), like the framework's own request size filters.</summary>
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var maxBytes = http.RequestServices.GetRequiredService<IOptions<CporOptions>>().Value.MaxImportBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes }));
        }
    }
}
