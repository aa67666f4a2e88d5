variable "region" {
  description = "AWS region for everything here."
  type        = string
  default     = "ap-northeast-2"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as ap-northeast-2."
  }
}

variable "cluster_name" {
  description = "Name of the EKS cluster, also the prefix of every other resource's name."
  type        = string
  default     = "karina"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.cluster_name))
    error_message = "cluster_name must be 2-31 lower-case letters, digits or hyphens, starting with a letter."
  }
}

variable "tags" {
  description = "Tags added to every resource (cost centre, owner, environment)."
  type        = map(string)
  default     = {}
}

variable "vpc_cidr" {
  description = "CIDR of the VPC; public /24 and private /20 subnets are cut from it, so /16 is expected. The NetworkPolicy's database and Redis egress uses it (output vpc_cidr)."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && tonumber(split("/", var.vpc_cidr)[1]) == 16
    error_message = "vpc_cidr must be an IPv4 CIDR with a /16 prefix."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both zones instead of one per zone: cheaper, but a zone failure then also cuts the other zone's egress. For staging."
  type        = bool
  default     = false
}

variable "kubernetes_version" {
  description = "EKS Kubernetes minor version; keep it the version the manifests in deploy/k8s are validated against."
  type        = string
  default     = "1.34"

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like 1.34."
  }
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "CIDRs that may reach the Kubernetes API over the internet; empty (the default) keeps the endpoint private, reached from the SSM bastion."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.cluster_endpoint_public_access_cidrs : can(cidrnetmask(cidr)) && cidr != "0.0.0.0/0"])
    error_message = "Each entry must be an IPv4 CIDR narrower than 0.0.0.0/0."
  }
}

variable "cluster_admin_role_arns" {
  description = "IAM role ARNs (e.g. an SSO administrator role) given cluster-admin through EKS access entries."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.cluster_admin_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", arn))])
    error_message = "Each entry must be an IAM role ARN."
  }
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["t3.large"]

  validation {
    condition     = length(var.node_instance_types) > 0
    error_message = "node_instance_types needs at least one instance type."
  }
}

variable "node_min_size" {
  description = "Fewest nodes in the managed node group (one per zone at least)."
  type        = number
  default     = 2

  validation {
    condition     = var.node_min_size >= 2
    error_message = "node_min_size must be at least 2, one node per zone."
  }
}

variable "node_desired_size" {
  description = "Nodes at creation; afterwards the autoscaler owns it (ignored on later applies)."
  type        = number
  default     = 2
}

variable "node_max_size" {
  description = "Most nodes in the managed node group."
  type        = number
  default     = 4

  validation {
    condition     = var.node_max_size >= 2 && var.node_max_size <= 20
    error_message = "node_max_size must be between 2 and 20."
  }
}

variable "node_disk_size_gib" {
  description = "Root volume size of each node in GiB (images and container logs)."
  type        = number
  default     = 50

  validation {
    condition     = var.node_disk_size_gib >= 20
    error_message = "node_disk_size_gib must be at least 20."
  }
}

variable "bastion_instance_type" {
  description = "Instance type of the SSM bastion."
  type        = string
  default     = "t3.micro"
}

variable "bastion_cluster_access_policy" {
  description = "EKS access policy the bastion's role gets on the cluster."
  type        = string
  default     = "AmazonEKSClusterAdminPolicy"

  validation {
    condition     = contains(["AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy", "AmazonEKSEditPolicy", "AmazonEKSViewPolicy"], var.bastion_cluster_access_policy)
    error_message = "bastion_cluster_access_policy must be one of AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy."
  }
}

variable "db_instance_class" {
  description = "RDS instance class of the MariaDB primary (and its Multi-AZ standby). Burstable classes can run out of CPU credits in the opening minutes; prefer m or r classes in production."
  type        = string
  default     = "db.m6g.large"

  validation {
    condition     = startswith(var.db_instance_class, "db.")
    error_message = "db_instance_class must be an RDS instance class such as db.m6g.large."
  }
}

variable "db_allocated_storage_gib" {
  description = "Initial gp3 storage of the database in GiB."
  type        = number
  default     = 50

  validation {
    condition     = var.db_allocated_storage_gib >= 20
    error_message = "db_allocated_storage_gib must be at least 20."
  }
}

variable "db_max_allocated_storage_gib" {
  description = "Ceiling for RDS storage autoscaling in GiB."
  type        = number
  default     = 200
}

variable "db_backup_retention_days" {
  description = "Days of automated backups; point-in-time recovery reaches back this far."
  type        = number
  default     = 14

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 7 and 35."
  }
}

variable "db_require_secure_transport" {
  description = "Refuse unencrypted MariaDB connections (require_secure_transport). Turn it on once KARINA_DB_URL asks for TLS with the RDS CA."
  type        = bool
  default     = false
}

variable "redis_node_type" {
  description = "ElastiCache node type of both Redis nodes."
  type        = string
  default     = "cache.m6g.large"

  validation {
    condition     = startswith(var.redis_node_type, "cache.")
    error_message = "redis_node_type must be an ElastiCache node type such as cache.m6g.large."
  }
}

variable "redis_auth_token" {
  description = "Redis AUTH token, 32-128 letters and digits (e.g. openssl rand -hex 32). Pass it as TF_VAR_redis_auth_token from a password manager, never in a committed file."
  type        = string
  sensitive   = true
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9]{32,128}$", var.redis_auth_token))
    error_message = "redis_auth_token must be 32-128 letters and digits."
  }
}

variable "waf_rate_limit_per_5_minutes" {
  description = "Requests one client IP may send in 5 minutes before WAF blocks it. A campus NAT puts many students behind one address: size it for the busiest shared address."
  type        = number
  default     = 20000

  validation {
    condition     = var.waf_rate_limit_per_5_minutes >= 100 && var.waf_rate_limit_per_5_minutes <= 2000000000
    error_message = "waf_rate_limit_per_5_minutes must be between 100 and 2000000000."
  }
}

variable "log_retention_days" {
  description = "Retention of the EKS control-plane and WAF log groups, in days."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (e.g. 30, 90, 365)."
  }
}

variable "route53_zone_name" {
  description = "Existing public Route53 hosted zone that holds domain_name (e.g. example.ac.kr)."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.route53_zone_name))
    error_message = "route53_zone_name must be a DNS name such as example.ac.kr."
  }
}

variable "domain_name" {
  description = "Name students open (e.g. sugang.example.ac.kr): the certificate's name and the alias record's."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain_name))
    error_message = "domain_name must be a DNS name such as sugang.example.ac.kr."
  }
}

variable "subject_alternative_names" {
  description = "Further names on the certificate, in the same hosted zone."
  type        = list(string)
  default     = []
}

variable "alb_dns_name" {
  description = "DNS name of the ALB the load balancer controller made for the Ingress (kubectl -n karina get ingress). Empty on the first apply; set it and apply again to create the alias record."
  type        = string
  default     = ""

  validation {
    condition     = var.alb_dns_name == "" || can(regex("\\.elb\\.amazonaws\\.com$", var.alb_dns_name))
    error_message = "alb_dns_name must be empty or an ELB DNS name ending in .elb.amazonaws.com."
  }
}

variable "ecr_images_to_keep" {
  description = "Newest images the ECR lifecycle policy keeps (releases to roll back to)."
  type        = number
  default     = 100

  validation {
    condition     = var.ecr_images_to_keep >= 10
    error_message = "ecr_images_to_keep must be at least 10."
  }
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub Actions OIDC provider; false when it already exists (one per account)."
  type        = bool
  default     = true
}

variable "github_org" {
  description = "GitHub owner (organisation or user) of the repository whose main-branch workflows may push images."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,38}$", var.github_org))
    error_message = "github_org must be a GitHub owner name."
  }
}

variable "github_repo" {
  description = "GitHub repository name (without the owner) whose main-branch workflows may push images."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,100}$", var.github_repo))
    error_message = "github_repo must be a GitHub repository name."
  }
}

variable "lb_controller_policy_file" {
  description = "Path, relative to this folder, of the AWS Load Balancer Controller's iam_policy.json for the controller release installed, downloaded before apply (iam/README.md)."
  type        = string
  default     = "iam/aws-load-balancer-controller-policy.json"

  validation {
    condition     = can(regex("\\.json$", var.lb_controller_policy_file))
    error_message = "lb_controller_policy_file must name a .json file."
  }
}
