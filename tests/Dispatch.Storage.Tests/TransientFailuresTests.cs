using System.Text.Json;
using Azure;

namespace Dispatch.Storage.Tests;

/// <summary>Which failures the assignment consumer retries later instead of giving up on.</summary>
public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void A_busy_or_unreachable_service_is_worth_retrying(int status) =>
        Assert.True(TransientFailures.IsTransient(new RequestFailedException(status, "busy")));

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void An_answer_that_will_not_change_is_not(int status) =>
        Assert.False(TransientFailures.IsTransient(new RequestFailedException(status, "no")));

    [Fact]
    public void Network_failures_and_timeouts_are_worth_retrying_and_bugs_are_not()
    {
        Assert.True(TransientFailures.IsTransient(new HttpRequestException("connection refused")));
        Assert.True(TransientFailures.IsTransient(new TimeoutException()));
        Assert.True(TransientFailures.IsTransient(new TaskCanceledException("network timeout")));
        Assert.True(TransientFailures.IsTransient(new AggregateException(new TimeoutException(), new RequestFailedException(503, "busy"))));

        Assert.False(TransientFailures.IsTransient(new AggregateException(new TimeoutException(), new InvalidOperationException())));
        Assert.False(TransientFailures.IsTransient(new JsonException("bad row")));
        Assert.False(TransientFailures.IsTransient(new InvalidOperationException()));
        Assert.False(TransientFailures.IsTransient(new ConcurrencyConflictException()));
    }
}
