using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Dispatch.Core;
using Dispatch.Core.Orders;

namespace Dispatch.Storage;

/// <summary>The body of an offer message: ids and the deadline only, never personal data.</summary>
public sealed record AssignmentMessage(string OrderId, string MemberId, int Attempt, DateTimeOffset Deadline)
{
    public static AssignmentMessage From(SendOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new(offer.OrderId, offer.MemberId, offer.Attempt, offer.Deadline);
    }
}

/// <summary>A received offer message; pass it back to <see cref="AssignmentQueue.DeleteAsync"/> once handled.</summary>
public sealed record ReceivedAssignment(AssignmentMessage Message, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>What the poison queue holds: why the message was set aside, and its original body. <see cref="Id"/>
/// is the poison queue's message id (not stored in the body), to resubmit it by.</summary>
public sealed record PoisonMessage(string Reason, long DequeueCount, string Body, DateTimeOffset At)
{
    [JsonIgnore]
    public string Id { get; init; } = "";
}

/// <summary>The offer queue (Azure Storage Queue, base64 messages). A message received more than
/// <see cref="StorageOptions.MaxDequeueCount"/> times, or one that cannot be read, is moved to the
/// poison queue "{queue}-poison" with the reason and deleted from the main queue.</summary>
public sealed class AssignmentQueue(StorageAccount account, TimeProvider? clock = null)
{
    /// <summary>The service returns at most 32 messages per receive.</summary>
    public const int MaxBatch = 32;

    /// <summary>Bounds the search of <see cref="ResubmitPoisonAsync"/>: at most this many batches.</summary>
    public const int MaxPoisonRounds = 4;

    /// <summary>How long <see cref="ResubmitPoisonAsync"/> hides the poison messages it looks at. It shows the
    /// ones it passes over again at once; this bounds how long they stay hidden if it fails on the way.</summary>
    private static readonly TimeSpan PoisonSearchVisibility = TimeSpan.FromSeconds(30);

    private readonly QueueClient _queue = account.Queue(account.AssignmentQueueName);
    private readonly QueueClient _poison = account.Queue(account.PoisonQueueName);
    private readonly int _maxDequeueCount = account.Options.MaxDequeueCount;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string QueueName => _queue.Name;

    public string PoisonQueueName => _poison.Name;

    public async Task SendAsync(SendOffer offer, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(AssignmentMessage.From(offer), CoreJson.Options);
        await _queue.SendMessageAsync(body, delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Receives up to <paramref name="max"/> messages (at most 32), hidden for
    /// <paramref name="visibility"/>. Poison messages are moved aside and not returned.</summary>
    public async Task<IReadOnlyList<ReceivedAssignment>> ReceiveAsync(
        int max,
        TimeSpan visibility,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var response = await _queue.ReceiveMessagesAsync(Math.Min(max, MaxBatch), visibility, cancellationToken).ConfigureAwait(false);
        var list = new List<ReceivedAssignment>();
        foreach (var message in response.Value)
        {
            var body = message.Body.ToString();
            if (message.DequeueCount > _maxDequeueCount)
            {
                await MoveToPoisonAsync(message, body, $"Received {message.DequeueCount} times (more than {_maxDequeueCount}).", cancellationToken)
                    .ConfigureAwait(false);
                continue;
            }

            AssignmentMessage? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<AssignmentMessage>(body, CoreJson.Options);
            }
            catch (JsonException e)
            {
                await MoveToPoisonAsync(message, body, $"Unreadable: {e.Message}", cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (parsed is null || string.IsNullOrEmpty(parsed.OrderId) || string.IsNullOrEmpty(parsed.MemberId))
            {
                await MoveToPoisonAsync(message, body, "Unreadable: order or member id missing.", cancellationToken).ConfigureAwait(false);
                continue;
            }

            list.Add(new ReceivedAssignment(parsed, message.MessageId, message.PopReceipt, message.DequeueCount));
        }

        return list;
    }

    /// <summary>Deletes a handled message. A message already deleted (or received again by someone else,
    /// which changes its pop receipt) is left alone.</summary>
    public async Task DeleteAsync(ReceivedAssignment message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Gone already, or its visibility ran out and another receiver holds it now.
        }
    }

    /// <summary>Looks at (does not remove) up to 32 poison messages, for organizers and tests.</summary>
    public async Task<IReadOnlyList<PoisonMessage>> PeekPoisonAsync(int max = MaxBatch, CancellationToken cancellationToken = default)
    {
        var response = await _poison.PeekMessagesAsync(Math.Clamp(max, 1, MaxBatch), cancellationToken).ConfigureAwait(false);
        return response.Value.Select(m => ReadPoison(m.Body.ToString()) with { Id = m.MessageId }).ToList();
    }

    /// <summary>Puts the poison message with this id back on the main queue as a new message (its dequeue
    /// count starts again) and removes it from the poison queue. The poison messages looked at on the way
    /// (at most <see cref="MaxPoisonRounds"/> × 32) are made visible again at once. False when no message
    /// has that id (any more).</summary>
    public async Task<bool> ResubmitPoisonAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var passedOver = new List<QueueMessage>();
        try
        {
            for (var round = 0; round < MaxPoisonRounds; round++)
            {
                var batch = (await _poison.ReceiveMessagesAsync(MaxBatch, PoisonSearchVisibility, cancellationToken).ConfigureAwait(false)).Value;
                if (batch.Length == 0)
                {
                    return false;
                }

                passedOver.AddRange(batch.Where(m => m.MessageId != id));
                if (batch.FirstOrDefault(m => m.MessageId == id) is { } found)
                {
                    // Sent before it is deleted: a failure in between leaves the offer queued and still listed,
                    // and a second resubmission delivers it twice, which the consumer shrugs off.
                    await _queue.SendMessageAsync(ReadPoison(found.Body.ToString()).Body, null, TimeSpan.FromSeconds(-1), cancellationToken)
                        .ConfigureAwait(false);
                    await _poison.DeleteMessageAsync(found.MessageId, found.PopReceipt, cancellationToken).ConfigureAwait(false);
                    return true;
                }
            }

            return false;
        }
        finally
        {
            foreach (var message in passedOver)
            {
                await ShowAgainAsync(message).ConfigureAwait(false);
            }
        }
    }

    private async Task ShowAgainAsync(QueueMessage message)
    {
        try
        {
            await _poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Deleted meanwhile, or its hiding ran out and someone else holds it.
        }
    }

    private static PoisonMessage ReadPoison(string body) =>
        JsonSerializer.Deserialize<PoisonMessage>(body, CoreJson.Options) ?? throw new InvalidDataException("Empty poison message.");

    private async Task MoveToPoisonAsync(QueueMessage message, string body, string reason, CancellationToken cancellationToken)
    {
        var poison = new PoisonMessage(reason, message.DequeueCount, body, _clock.GetUtcNow());
        await _poison.SendMessageAsync(JsonSerializer.Serialize(poison, CoreJson.Options), null, TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.IsNotFound())
        {
            // Someone else moved it first; the poison queue may hold it twice, which is harmless.
        }
    }
}
