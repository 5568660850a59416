"""Contains all the data models used in inputs/outputs"""

from .agent import Agent
from .agent_capabilities import AgentCapabilities
from .agent_metadata import AgentMetadata
from .agent_schema import AgentSchema
from .agent_schema_config_schema import AgentSchemaConfigSchema
from .agent_schema_input_schema import AgentSchemaInputSchema
from .agent_schema_output_schema import AgentSchemaOutputSchema
from .agent_schema_state_schema import AgentSchemaStateSchema
from .agent_search_request import AgentSearchRequest
from .agent_search_request_metadata import AgentSearchRequestMetadata
from .cancel_action import CancelAction
from .cancel_status import CancelStatus
from .config import Config
from .config_configurable import ConfigConfigurable
from .error_response import ErrorResponse
from .error_response_metadata import ErrorResponseMetadata
from .event_stream_request import EventStreamRequest
from .health import Health
from .if_exists import IfExists
from .if_not_exists import IfNotExists
from .info import Info
from .info_capabilities import InfoCapabilities
from .info_flags import InfoFlags
from .input_type_0 import InputType0
from .interrupt import Interrupt
from .item import Item
from .item_value import ItemValue
from .lg_assistant import LgAssistant
from .lg_assistant_config import LgAssistantConfig
from .lg_assistant_context import LgAssistantContext
from .lg_assistant_count import LgAssistantCount
from .lg_assistant_count_metadata_type_0 import LgAssistantCountMetadataType0
from .lg_assistant_create import LgAssistantCreate
from .lg_assistant_create_config_type_0 import LgAssistantCreateConfigType0
from .lg_assistant_create_context_type_0 import LgAssistantCreateContextType0
from .lg_assistant_create_if_exists_type_0 import LgAssistantCreateIfExistsType0
from .lg_assistant_create_metadata_type_0 import LgAssistantCreateMetadataType0
from .lg_assistant_field import LgAssistantField
from .lg_assistant_fields import LgAssistantFields
from .lg_assistant_fields_config import LgAssistantFieldsConfig
from .lg_assistant_fields_context import LgAssistantFieldsContext
from .lg_assistant_fields_metadata import LgAssistantFieldsMetadata
from .lg_assistant_metadata import LgAssistantMetadata
from .lg_assistant_patch import LgAssistantPatch
from .lg_assistant_patch_config_type_0 import LgAssistantPatchConfigType0
from .lg_assistant_patch_context_type_0 import LgAssistantPatchContextType0
from .lg_assistant_patch_metadata_type_0 import LgAssistantPatchMetadataType0
from .lg_assistant_search import LgAssistantSearch
from .lg_assistant_search_metadata_type_0 import LgAssistantSearchMetadataType0
from .lg_assistant_search_sort_by_type_0 import LgAssistantSearchSortByType0
from .lg_assistant_search_sort_order_type_0 import LgAssistantSearchSortOrderType0
from .lg_assistant_set_latest import LgAssistantSetLatest
from .lg_assistant_version import LgAssistantVersion
from .lg_assistant_version_config import LgAssistantVersionConfig
from .lg_assistant_version_context import LgAssistantVersionContext
from .lg_assistant_version_metadata import LgAssistantVersionMetadata
from .lg_assistant_version_search import LgAssistantVersionSearch
from .lg_assistant_version_search_metadata_type_0 import LgAssistantVersionSearchMetadataType0
from .lg_cancel_run_action import LgCancelRunAction
from .lg_cancel_runs_action import LgCancelRunsAction
from .lg_checkpoint import LgCheckpoint
from .lg_checkpoint_checkpoint_map import LgCheckpointCheckpointMap
from .lg_checkpoint_namespace import LgCheckpointNamespace
from .lg_checkpoint_namespace_checkpoint_map_type_0 import LgCheckpointNamespaceCheckpointMapType0
from .lg_checkpoint_ref import LgCheckpointRef
from .lg_checkpoint_ref_checkpoint_map_type_0 import LgCheckpointRefCheckpointMapType0
from .lg_command import LgCommand
from .lg_cron import LgCron
from .lg_cron_count import LgCronCount
from .lg_cron_count_metadata_type_0 import LgCronCountMetadataType0
from .lg_cron_create import LgCronCreate
from .lg_cron_create_config_type_0 import LgCronCreateConfigType0
from .lg_cron_create_context_type_0 import LgCronCreateContextType0
from .lg_cron_create_metadata_type_0 import LgCronCreateMetadataType0
from .lg_cron_create_multitask_strategy_type_0 import LgCronCreateMultitaskStrategyType0
from .lg_cron_create_on_run_completed_type_0 import LgCronCreateOnRunCompletedType0
from .lg_cron_fields import LgCronFields
from .lg_cron_fields_metadata import LgCronFieldsMetadata
from .lg_cron_fields_payload import LgCronFieldsPayload
from .lg_cron_metadata import LgCronMetadata
from .lg_cron_patch import LgCronPatch
from .lg_cron_patch_config_type_0 import LgCronPatchConfigType0
from .lg_cron_patch_context_type_0 import LgCronPatchContextType0
from .lg_cron_patch_metadata_type_0 import LgCronPatchMetadataType0
from .lg_cron_patch_on_run_completed_type_0 import LgCronPatchOnRunCompletedType0
from .lg_cron_payload import LgCronPayload
from .lg_cron_search import LgCronSearch
from .lg_cron_search_metadata_type_0 import LgCronSearchMetadataType0
from .lg_cron_search_select_type_0_item import LgCronSearchSelectType0Item
from .lg_cron_search_sort_by_type_0 import LgCronSearchSortByType0
from .lg_cron_search_sort_order_type_0 import LgCronSearchSortOrderType0
from .lg_drawable_graph import LgDrawableGraph
from .lg_drawable_graph_edges_item import LgDrawableGraphEdgesItem
from .lg_drawable_graph_nodes_item import LgDrawableGraphNodesItem
from .lg_graph_schema import LgGraphSchema
from .lg_graph_schema_config_schema_type_0 import LgGraphSchemaConfigSchemaType0
from .lg_graph_schema_context_schema_type_0 import LgGraphSchemaContextSchemaType0
from .lg_graph_schema_input_schema_type_0 import LgGraphSchemaInputSchemaType0
from .lg_graph_schema_output_schema_type_0 import LgGraphSchemaOutputSchemaType0
from .lg_graph_schema_state_schema_type_0 import LgGraphSchemaStateSchemaType0
from .lg_history_request import LgHistoryRequest
from .lg_history_request_metadata_type_0 import LgHistoryRequestMetadataType0
from .lg_interrupt import LgInterrupt
from .lg_interrupt_nodes_type_0 import LgInterruptNodesType0
from .lg_namespaces import LgNamespaces
from .lg_prune_result import LgPruneResult
from .lg_run import LgRun
from .lg_run_cancel_many import LgRunCancelMany
from .lg_run_cancel_many_status_type_0 import LgRunCancelManyStatusType0
from .lg_run_create import LgRunCreate
from .lg_run_create_config_type_0 import LgRunCreateConfigType0
from .lg_run_create_context_type_0 import LgRunCreateContextType0
from .lg_run_create_durability_type_0 import LgRunCreateDurabilityType0
from .lg_run_create_if_not_exists_type_0 import LgRunCreateIfNotExistsType0
from .lg_run_create_metadata_type_0 import LgRunCreateMetadataType0
from .lg_run_create_multitask_strategy_type_0 import LgRunCreateMultitaskStrategyType0
from .lg_run_create_on_completion_type_0 import LgRunCreateOnCompletionType0
from .lg_run_create_on_disconnect_type_0 import LgRunCreateOnDisconnectType0
from .lg_run_kwargs import LgRunKwargs
from .lg_run_metadata import LgRunMetadata
from .lg_run_status import LgRunStatus
from .lg_state_at_checkpoint import LgStateAtCheckpoint
from .lg_state_update import LgStateUpdate
from .lg_state_update_response import LgStateUpdateResponse
from .lg_state_update_values_type_0 import LgStateUpdateValuesType0
from .lg_stream_mode import LgStreamMode
from .lg_subgraphs import LgSubgraphs
from .lg_superstep import LgSuperstep
from .lg_superstep_update import LgSuperstepUpdate
from .lg_superstep_update_values_type_0 import LgSuperstepUpdateValuesType0
from .lg_thread import LgThread
from .lg_thread_count import LgThreadCount
from .lg_thread_count_metadata_type_0 import LgThreadCountMetadataType0
from .lg_thread_count_status_type_0 import LgThreadCountStatusType0
from .lg_thread_count_values_type_0 import LgThreadCountValuesType0
from .lg_thread_create import LgThreadCreate
from .lg_thread_create_if_exists_type_0 import LgThreadCreateIfExistsType0
from .lg_thread_create_metadata_type_0 import LgThreadCreateMetadataType0
from .lg_thread_field import LgThreadField
from .lg_thread_fields import LgThreadFields
from .lg_thread_fields_extracted import LgThreadFieldsExtracted
from .lg_thread_fields_interrupts import LgThreadFieldsInterrupts
from .lg_thread_fields_metadata import LgThreadFieldsMetadata
from .lg_thread_fields_status import LgThreadFieldsStatus
from .lg_thread_fields_values_type_0 import LgThreadFieldsValuesType0
from .lg_thread_interrupts import LgThreadInterrupts
from .lg_thread_metadata import LgThreadMetadata
from .lg_thread_patch import LgThreadPatch
from .lg_thread_patch_metadata_type_0 import LgThreadPatchMetadataType0
from .lg_thread_prune import LgThreadPrune
from .lg_thread_prune_strategy_type_0 import LgThreadPruneStrategyType0
from .lg_thread_search import LgThreadSearch
from .lg_thread_search_extract_type_0 import LgThreadSearchExtractType0
from .lg_thread_search_metadata_type_0 import LgThreadSearchMetadataType0
from .lg_thread_search_sort_by_type_0 import LgThreadSearchSortByType0
from .lg_thread_search_sort_order_type_0 import LgThreadSearchSortOrderType0
from .lg_thread_search_status_type_0 import LgThreadSearchStatusType0
from .lg_thread_search_values_type_0 import LgThreadSearchValuesType0
from .lg_thread_state import LgThreadState
from .lg_thread_state_metadata import LgThreadStateMetadata
from .lg_thread_state_tasks_item import LgThreadStateTasksItem
from .lg_thread_state_values import LgThreadStateValues
from .lg_thread_status import LgThreadStatus
from .lg_thread_ttl import LgThreadTtl
from .lg_thread_ttl_strategy_type_0 import LgThreadTtlStrategyType0
from .lg_thread_values_type_0 import LgThreadValuesType0
from .lg_values import LgValues
from .message import Message
from .message_any_block import MessageAnyBlock
from .message_any_block_metadata import MessageAnyBlockMetadata
from .message_metadata import MessageMetadata
from .message_text_block import MessageTextBlock
from .message_text_block_metadata import MessageTextBlockMetadata
from .multitask_strategy import MultitaskStrategy
from .on_completion import OnCompletion
from .on_disconnect import OnDisconnect
from .run import Run
from .run_cancel_request import RunCancelRequest
from .run_create import RunCreate
from .run_create_metadata import RunCreateMetadata
from .run_error import RunError
from .run_metadata import RunMetadata
from .run_resume import RunResume
from .run_resume_metadata import RunResumeMetadata
from .run_resume_stream import RunResumeStream
from .run_search_request import RunSearchRequest
from .run_search_request_metadata import RunSearchRequestMetadata
from .run_status import RunStatus
from .run_stream import RunStream
from .run_wait_response import RunWaitResponse
from .run_wait_response_values import RunWaitResponseValues
from .search_items_response import SearchItemsResponse
from .stop_reason import StopReason
from .store_delete_request import StoreDeleteRequest
from .store_list_namespaces_request import StoreListNamespacesRequest
from .store_put_request import StorePutRequest
from .store_put_request_value import StorePutRequestValue
from .store_search_request import StoreSearchRequest
from .store_search_request_filter_type_0 import StoreSearchRequestFilterType0
from .stream_event import StreamEvent
from .stream_event_name import StreamEventName
from .stream_mode import StreamMode
from .streaming_channel_name import StreamingChannelName
from .streaming_command import StreamingCommand
from .streaming_command_params import StreamingCommandParams
from .streaming_error_code import StreamingErrorCode
from .streaming_error_response import StreamingErrorResponse
from .streaming_error_response_meta import StreamingErrorResponseMeta
from .streaming_event import StreamingEvent
from .streaming_event_params import StreamingEventParams
from .streaming_response_meta import StreamingResponseMeta
from .streaming_sse_event import StreamingSseEvent
from .streaming_success_response import StreamingSuccessResponse
from .streaming_success_response_result import StreamingSuccessResponseResult
from .thread import Thread
from .thread_checkpoint import ThreadCheckpoint
from .thread_create import ThreadCreate
from .thread_create_metadata import ThreadCreateMetadata
from .thread_metadata import ThreadMetadata
from .thread_patch import ThreadPatch
from .thread_patch_metadata import ThreadPatchMetadata
from .thread_patch_values import ThreadPatchValues
from .thread_search_request import ThreadSearchRequest
from .thread_search_request_metadata import ThreadSearchRequestMetadata
from .thread_search_request_values import ThreadSearchRequestValues
from .thread_state import ThreadState
from .thread_state_metadata import ThreadStateMetadata
from .thread_state_values import ThreadStateValues
from .thread_status import ThreadStatus
from .thread_values import ThreadValues

__all__ = (
    "Agent",
    "AgentCapabilities",
    "AgentMetadata",
    "AgentSchema",
    "AgentSchemaConfigSchema",
    "AgentSchemaInputSchema",
    "AgentSchemaOutputSchema",
    "AgentSchemaStateSchema",
    "AgentSearchRequest",
    "AgentSearchRequestMetadata",
    "CancelAction",
    "CancelStatus",
    "Config",
    "ConfigConfigurable",
    "ErrorResponse",
    "ErrorResponseMetadata",
    "EventStreamRequest",
    "Health",
    "IfExists",
    "IfNotExists",
    "Info",
    "InfoCapabilities",
    "InfoFlags",
    "InputType0",
    "Interrupt",
    "Item",
    "ItemValue",
    "LgAssistant",
    "LgAssistantConfig",
    "LgAssistantContext",
    "LgAssistantCount",
    "LgAssistantCountMetadataType0",
    "LgAssistantCreate",
    "LgAssistantCreateConfigType0",
    "LgAssistantCreateContextType0",
    "LgAssistantCreateIfExistsType0",
    "LgAssistantCreateMetadataType0",
    "LgAssistantField",
    "LgAssistantFields",
    "LgAssistantFieldsConfig",
    "LgAssistantFieldsContext",
    "LgAssistantFieldsMetadata",
    "LgAssistantMetadata",
    "LgAssistantPatch",
    "LgAssistantPatchConfigType0",
    "LgAssistantPatchContextType0",
    "LgAssistantPatchMetadataType0",
    "LgAssistantSearch",
    "LgAssistantSearchMetadataType0",
    "LgAssistantSearchSortByType0",
    "LgAssistantSearchSortOrderType0",
    "LgAssistantSetLatest",
    "LgAssistantVersion",
    "LgAssistantVersionConfig",
    "LgAssistantVersionContext",
    "LgAssistantVersionMetadata",
    "LgAssistantVersionSearch",
    "LgAssistantVersionSearchMetadataType0",
    "LgCancelRunAction",
    "LgCancelRunsAction",
    "LgCheckpoint",
    "LgCheckpointCheckpointMap",
    "LgCheckpointNamespace",
    "LgCheckpointNamespaceCheckpointMapType0",
    "LgCheckpointRef",
    "LgCheckpointRefCheckpointMapType0",
    "LgCommand",
    "LgCron",
    "LgCronCount",
    "LgCronCountMetadataType0",
    "LgCronCreate",
    "LgCronCreateConfigType0",
    "LgCronCreateContextType0",
    "LgCronCreateMetadataType0",
    "LgCronCreateMultitaskStrategyType0",
    "LgCronCreateOnRunCompletedType0",
    "LgCronFields",
    "LgCronFieldsMetadata",
    "LgCronFieldsPayload",
    "LgCronMetadata",
    "LgCronPatch",
    "LgCronPatchConfigType0",
    "LgCronPatchContextType0",
    "LgCronPatchMetadataType0",
    "LgCronPatchOnRunCompletedType0",
    "LgCronPayload",
    "LgCronSearch",
    "LgCronSearchMetadataType0",
    "LgCronSearchSelectType0Item",
    "LgCronSearchSortByType0",
    "LgCronSearchSortOrderType0",
    "LgDrawableGraph",
    "LgDrawableGraphEdgesItem",
    "LgDrawableGraphNodesItem",
    "LgGraphSchema",
    "LgGraphSchemaConfigSchemaType0",
    "LgGraphSchemaContextSchemaType0",
    "LgGraphSchemaInputSchemaType0",
    "LgGraphSchemaOutputSchemaType0",
    "LgGraphSchemaStateSchemaType0",
    "LgHistoryRequest",
    "LgHistoryRequestMetadataType0",
    "LgInterrupt",
    "LgInterruptNodesType0",
    "LgNamespaces",
    "LgPruneResult",
    "LgRun",
    "LgRunCancelMany",
    "LgRunCancelManyStatusType0",
    "LgRunCreate",
    "LgRunCreateConfigType0",
    "LgRunCreateContextType0",
    "LgRunCreateDurabilityType0",
    "LgRunCreateIfNotExistsType0",
    "LgRunCreateMetadataType0",
    "LgRunCreateMultitaskStrategyType0",
    "LgRunCreateOnCompletionType0",
    "LgRunCreateOnDisconnectType0",
    "LgRunKwargs",
    "LgRunMetadata",
    "LgRunStatus",
    "LgStateAtCheckpoint",
    "LgStateUpdate",
    "LgStateUpdateResponse",
    "LgStateUpdateValuesType0",
    "LgStreamMode",
    "LgSubgraphs",
    "LgSuperstep",
    "LgSuperstepUpdate",
    "LgSuperstepUpdateValuesType0",
    "LgThread",
    "LgThreadCount",
    "LgThreadCountMetadataType0",
    "LgThreadCountStatusType0",
    "LgThreadCountValuesType0",
    "LgThreadCreate",
    "LgThreadCreateIfExistsType0",
    "LgThreadCreateMetadataType0",
    "LgThreadField",
    "LgThreadFields",
    "LgThreadFieldsExtracted",
    "LgThreadFieldsInterrupts",
    "LgThreadFieldsMetadata",
    "LgThreadFieldsStatus",
    "LgThreadFieldsValuesType0",
    "LgThreadInterrupts",
    "LgThreadMetadata",
    "LgThreadPatch",
    "LgThreadPatchMetadataType0",
    "LgThreadPrune",
    "LgThreadPruneStrategyType0",
    "LgThreadSearch",
    "LgThreadSearchExtractType0",
    "LgThreadSearchMetadataType0",
    "LgThreadSearchSortByType0",
    "LgThreadSearchSortOrderType0",
    "LgThreadSearchStatusType0",
    "LgThreadSearchValuesType0",
    "LgThreadState",
    "LgThreadStateMetadata",
    "LgThreadStateTasksItem",
    "LgThreadStateValues",
    "LgThreadStatus",
    "LgThreadTtl",
    "LgThreadTtlStrategyType0",
    "LgThreadValuesType0",
    "LgValues",
    "Message",
    "MessageAnyBlock",
    "MessageAnyBlockMetadata",
    "MessageMetadata",
    "MessageTextBlock",
    "MessageTextBlockMetadata",
    "MultitaskStrategy",
    "OnCompletion",
    "OnDisconnect",
    "Run",
    "RunCancelRequest",
    "RunCreate",
    "RunCreateMetadata",
    "RunError",
    "RunMetadata",
    "RunResume",
    "RunResumeMetadata",
    "RunResumeStream",
    "RunSearchRequest",
    "RunSearchRequestMetadata",
    "RunStatus",
    "RunStream",
    "RunWaitResponse",
    "RunWaitResponseValues",
    "SearchItemsResponse",
    "StopReason",
    "StoreDeleteRequest",
    "StoreListNamespacesRequest",
    "StorePutRequest",
    "StorePutRequestValue",
    "StoreSearchRequest",
    "StoreSearchRequestFilterType0",
    "StreamEvent",
    "StreamEventName",
    "StreamingChannelName",
    "StreamingCommand",
    "StreamingCommandParams",
    "StreamingErrorCode",
    "StreamingErrorResponse",
    "StreamingErrorResponseMeta",
    "StreamingEvent",
    "StreamingEventParams",
    "StreamingResponseMeta",
    "StreamingSseEvent",
    "StreamingSuccessResponse",
    "StreamingSuccessResponseResult",
    "StreamMode",
    "Thread",
    "ThreadCheckpoint",
    "ThreadCreate",
    "ThreadCreateMetadata",
    "ThreadMetadata",
    "ThreadPatch",
    "ThreadPatchMetadata",
    "ThreadPatchValues",
    "ThreadSearchRequest",
    "ThreadSearchRequestMetadata",
    "ThreadSearchRequestValues",
    "ThreadState",
    "ThreadStateMetadata",
    "ThreadStateValues",
    "ThreadStatus",
    "ThreadValues",
)
