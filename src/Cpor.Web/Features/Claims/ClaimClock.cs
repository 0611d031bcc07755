using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Claims;

/// <summary>Builds the <see cref="TransitionContext"/> of a change: now, the business calendar's holidays, the timings.</summary>
public sealed class ClaimClock(CporDb db, TimeProvider time, IOptions<CporOptions> options)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<BusinessCalendar> CalendarAsync(CancellationToken ct) =>
        new(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct));

    public async Task<TransitionContext> ContextAsync(Actor actor, CancellationToken ct) =>
        new(actor, time.GetUtcNow(), await CalendarAsync(ct), options.Value.Timings);
}
