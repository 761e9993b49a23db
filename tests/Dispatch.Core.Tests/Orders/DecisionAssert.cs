using Dispatch.Core.Orders;

namespace Dispatch.Core.Tests.Orders;

/// <summary>Unwraps a decision the test expects to be of one case, failing with the other case shown.</summary>
internal static class DecisionAssert
{
    public static Decision.Changed AsChanged(this Decision decision) =>
        decision as Decision.Changed ?? throw new Xunit.Sdk.XunitException($"Expected a change, got {decision}.");

    public static RejectionCode Refusal(this Decision decision) =>
        decision is Decision.Rejected rejected ? rejected.Rejection.Code : throw new Xunit.Sdk.XunitException($"Expected a rejection, got {decision}.");
}
