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
from .health import Health
from .if_exists import IfExists
from .if_not_exists import IfNotExists
from .input_type_0 import InputType0
from .interrupt import Interrupt
from .item import Item
from .item_value import ItemValue
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
    "Health",
    "IfExists",
    "IfNotExists",
    "InputType0",
    "Interrupt",
    "Item",
    "ItemValue",
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
