namespace Cpor.Web.Infrastructure;

/// <summary>Endpoint metadata: POSTs that create or transition honour <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentEndpoint;
