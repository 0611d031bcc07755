using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>One partner organisation: MPN IDs with their program enrolments, and its users.</summary>
public sealed class PartnerPage(IPage page, UiText t)
{
    public ILocator Heading(string partnerName) => page.GetByRole(AriaRole.Heading, new() { Name = partnerName, Level = 1 });

    public ILocator MpnTable => page.GetByRole(AriaRole.Table);

    public ILocator Enrolment(string mpnId, string programName) =>
        page.GetByRole(AriaRole.Group, new() { Name = t.Format("mpns.programsOf", mpnId), Exact = true })
            .GetByRole(AriaRole.Checkbox, new() { Name = programName, Exact = true });
}
