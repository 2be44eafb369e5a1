from tex4im_common.problems import NotFound


class RegionNotFound(NotFound):
    title = "Region not found"
