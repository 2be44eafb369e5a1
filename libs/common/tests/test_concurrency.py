"""Optimistic concurrency: the ETag names a version, and If-Match must name the current one."""

import pytest
from tex4im_common.concurrency import check_if_match, etag
from tex4im_common.problems import PreconditionFailed


class TestEtag:
    def test_the_etag_is_the_quoted_version(self):
        assert etag(7) == '"7"'


class TestIfMatch:
    @pytest.mark.parametrize("if_match", [None, '"3"', 'W/"3"', '"1", "3"', "*", ' "2" , "3" '])
    def test_no_header_or_the_current_version_lets_the_write_through(self, if_match):
        check_if_match(if_match, 3)

    @pytest.mark.parametrize("if_match", ['"2"', "3", '"1", "2"', 'W/"4"', ""])
    def test_any_other_version_is_a_412_naming_the_current_etag(self, if_match):
        with pytest.raises(PreconditionFailed) as raised:
            check_if_match(if_match, 3)
        assert raised.value.status == 412
        assert raised.value.extra == {"current_etag": '"3"'}
        assert raised.value.detail == (
            "The record has changed since you read it (it is now version 3). Reload it and try again."
        )
